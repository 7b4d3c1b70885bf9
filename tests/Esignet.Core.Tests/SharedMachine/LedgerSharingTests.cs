using Esignet.Core.Errors;
using Esignet.Core.Ledger;

namespace Esignet.Core.Tests.SharedMachine;

/// <summary>
/// One ledger, several writers (issue 15, points 4 and 6): other instances' entries are seen without a reload, a
/// torn line costs only itself, an attempt never hides a registered client, and a symlinked ledger is followed only
/// into the user's own folder. (Two real processes with 400 rows each: tests/Pester/SharedMachine.Tests.ps1.)
/// </summary>
public class LedgerSharingTests
{
    private const string Server = "https://esignet.example.org";

    private static LedgerEntry Entry(string clientId, string outcome, string thumb = "t1") => new LedgerEntry
    {
        Time = DateTimeOffset.UtcNow, Outcome = outcome, Server = Server, Api = "Esignet", ClientId = clientId, KeyThumbprint = thumb,
    };

    [Fact]
    public void A_lookup_sees_what_another_writer_appended_since_without_a_reload()
    {
        using var dir = new TempFolder();
        string path = dir.Combine("ledger.jsonl");
        var ours = new RegistrationLedger(path);
        var theirs = new RegistrationLedger(path);
        ours.Append(Entry("mine", "Created"));
        Assert.Null(ours.Find(Server, "x"));
        theirs.Append(Entry("x", "Created"));
        Assert.Equal("Created", ours.Find(Server, "x")?.Outcome);
        Assert.Equal(2, ours.All(null).Count);
    }

    [Fact]
    public void An_entry_after_a_torn_line_starts_on_its_own_line()
    {
        using var dir = new TempFolder();
        string path = dir.Combine("ledger.jsonl");
        var ledger = new RegistrationLedger(path);
        ledger.Append(Entry("before", "Created"));
        File.AppendAllText(path, "{\"Time\":\"2026-11-29T00:00:00+00:00\",\"Outcome\":\"Crea"); // a crash mid-write
        ledger.Append(Entry("after", "Created"));

        string[] lines = File.ReadAllLines(path);
        Assert.Equal(3, lines.Length);
        Assert.EndsWith("\"Outcome\":\"Crea", lines[1]);
        var fresh = new RegistrationLedger(path);
        Assert.Equal("Created", fresh.Find(Server, "before")?.Outcome);
        Assert.Equal("Created", fresh.Find(Server, "after")?.Outcome);
    }

    [Fact]
    public void A_failed_or_pending_attempt_after_a_registration_does_not_hide_it()
    {
        using var dir = new TempFolder();
        var ledger = new RegistrationLedger(dir.Combine("ledger.jsonl"));
        ledger.Append(Entry("c", "Created"));
        ledger.Append(Entry("c", "Pending"));
        ledger.Append(Entry("c", "Failed"));
        Assert.Equal("Created", ledger.Find(Server, "c")?.Outcome);
        Assert.Equal("Created", new RegistrationLedger(ledger.Path).Find(Server, "c")?.Outcome);
        ledger.Append(Entry("c", "Updated"));
        Assert.Equal("Updated", new RegistrationLedger(ledger.Path).Find(Server, "c")?.Outcome);
    }

    [Fact]
    public void A_new_ledger_is_created_0600_in_a_0700_folder()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempFolder();
        var ledger = new RegistrationLedger(dir.Combine("data", "ledger.jsonl"));
        ledger.Append(Entry("c", "Created"));
        Assert.Equal(0x180, Esignet.Core.Files.SecureFile.GetUnixMode(ledger.Path));
        Assert.Equal(0x1C0, Esignet.Core.Files.SecureFile.GetUnixMode(dir.Combine("data")));
    }

    [Fact]
    public void A_symlinked_ledger_is_followed_into_the_users_own_folder_only()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempFolder();
        string own = dir.Combine("own");
        Directory.CreateDirectory(own);
        string link = dir.Combine("ledger.jsonl");
        File.CreateSymbolicLink(link, Path.Combine(own, "real.jsonl"));
        new RegistrationLedger(link).Append(Entry("c", "Created"));
        Assert.Equal("Created", new RegistrationLedger(Path.Combine(own, "real.jsonl")).Find(Server, "c")?.Outcome);

        // A folder that is not the user's: given to uid 65534 when root, else '/' (root's) for an ordinary user.
        string foreign = OtherUser.CanChown ? dir.Combine("theirs") : "/";
        if (OtherUser.CanChown)
        {
            Directory.CreateDirectory(foreign);
            OtherUser.Give(foreign);
        }

        string planted = dir.Combine("planted.jsonl");
        File.CreateSymbolicLink(planted, Path.Combine(foreign, "ledger.jsonl"));
        var e = Assert.Throws<EsignetException>(() => new RegistrationLedger(planted).Append(Entry("c", "Created")));
        Assert.Equal("LedgerNotSafe", e.ErrorId);
        Assert.Contains("symbolic link", e.Message);
        Assert.False(File.Exists(Path.Combine(foreign, "ledger.jsonl")));
    }
}
