using System.Diagnostics;

namespace Esignet.Core.Tests.SharedMachine;

/// <summary>
/// Another local account for permission tests: uid 65534 (nobody). Giving a file to it needs root; tests that need
/// it say so when they cannot run (Assert.Skip is not available in this xUnit, so they return early with the reason
/// written to the output; the Pester suite runs the same refusals as a real second user).
/// </summary>
internal static class OtherUser
{
    public const int Uid = 65534;

    public static bool CanChown => !OperatingSystem.IsWindows() && Esignet.Core.Files.SecureFile.CurrentUnixUser == 0;

    public static void Give(string path) => Run("chown", "-h", $"{Uid}:{Uid}", path);

    public static void Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in args) psi.ArgumentList.Add(a);
        using Process p = Process.Start(psi)!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {p.StandardError.ReadToEnd()}");
    }
}
