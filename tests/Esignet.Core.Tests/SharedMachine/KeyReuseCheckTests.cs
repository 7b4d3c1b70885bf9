using Esignet.Core.Errors;
using Esignet.Core.Files;

namespace Esignet.Core.Tests.SharedMachine;

/// <summary>
/// Before an existing key file is reused (issue 15, point 2): a regular file of the user's own, mode 0600, in a
/// folder others cannot write and that the user or root owns. Each refusal has its own ErrorId.
/// </summary>
public class KeyReuseCheckTests
{
    private static (TempFolder dir, string folder, string key) Setup()
    {
        var dir = new TempFolder();
        string folder = dir.Combine("keys");
        SecureFile.EnsureOwnerOnlyDirectory(folder);
        string key = Path.Combine(folder, "c.private.pem");
        using (FileStream fs = SecureFile.CreateOwnerOnly(key)) fs.WriteByte((byte)'k');
        return (dir, folder, key);
    }

    private static string Refusal(string key, bool force = false) =>
        Assert.Throws<EsignetException>(() => SecureFile.RequireOwnPrivateFile(key, force)).ErrorId;

    [Fact]
    public void The_users_own_private_file_in_a_private_folder_is_accepted()
    {
        if (OperatingSystem.IsWindows()) return;
        var (dir, _, key) = Setup();
        using (dir)
        {
            SecureFile.RequireOwnPrivateFile(key, false);
            Assert.Equal(0x180, SecureFile.GetUnixMode(key)); // created 0600 by the open itself
        }
    }

    [Fact]
    public void A_readable_key_is_refused_and_the_message_says_chmod_600()
    {
        if (OperatingSystem.IsWindows()) return;
        var (dir, _, key) = Setup();
        using (dir)
        {
            File.SetUnixFileMode(key, (UnixFileMode)0x1A4); // 0644
            var e = Assert.Throws<EsignetException>(() => SecureFile.RequireOwnPrivateFile(key, true));
            Assert.Equal("KeyFileNotPrivate", e.ErrorId);
            Assert.Contains("chmod 600", e.Message);
        }
    }

    [Fact]
    public void A_symlink_is_refused_even_to_the_users_own_file()
    {
        if (OperatingSystem.IsWindows()) return;
        var (dir, folder, key) = Setup();
        using (dir)
        {
            string link = Path.Combine(folder, "d.private.pem");
            File.CreateSymbolicLink(link, key);
            Assert.Equal("KeyFileIsLink", Refusal(link, force: true));
        }
    }

    [Fact]
    public void A_folder_others_can_write_is_refused_unless_forced()
    {
        if (OperatingSystem.IsWindows()) return;
        var (dir, folder, key) = Setup();
        using (dir)
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0x1FF); // 0777
            Assert.Equal("KeyDirectoryNotPrivate", Refusal(key));
            SecureFile.RequireOwnPrivateFile(key, true); // -Force accepts the folder, not the file checks
        }
    }

    [Fact]
    public void A_key_or_a_folder_of_another_user_is_refused()
    {
        if (!OtherUser.CanChown) { Console.WriteLine("skipped: giving a file to uid 65534 needs root"); return; }
        var (dir, folder, key) = Setup();
        using (dir)
        {
            OtherUser.Give(key);
            Assert.Equal("KeyFileNotOwned", Refusal(key));
            OtherUser.Give(folder);
            File.SetUnixFileMode(folder, (UnixFileMode)0x1ED); // 0755: not writable by others, still not ours
            Assert.Equal("KeyDirectoryNotOwned", Refusal(key));
        }
    }

    [Fact]
    public void Missing_parents_are_made_0700_one_level_at_a_time()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempFolder();
        SecureFile.EnsureOwnerOnlyDirectory(dir.Combine("a", "b", "keys"));
        foreach (string p in new[] { dir.Combine("a"), dir.Combine("a", "b"), dir.Combine("a", "b", "keys") })
        {
            Assert.Equal(0x1C0, SecureFile.GetUnixMode(p));
        }
    }
}
