using Esignet.Core.Errors;
using Esignet.Core.Files;
using Esignet.Core.Keys;
using Esignet.Core.Ledger;
using Esignet.Core.Registration;

namespace Esignet.Core.Tests.SharedMachine;

/// <summary>The ledger decides which key belongs to which client: a key file recorded for another client is never reused.</summary>
public class ClientKeyFilesTests
{
    [Fact]
    public void An_old_lossy_name_recorded_for_another_client_is_refused_and_found_for_its_own()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempFolder();
        string keys = dir.Combine("keys");
        SecureFile.EnsureOwnerOnlyDirectory(keys);
        var old = new KeyFileSet(Path.Combine(keys, "x_y")); // what earlier builds named both 'x:y' and 'x_y'
        using (FileStream fs = SecureFile.CreateOwnerOnly(old.PrivateKeyPemPath)) fs.WriteByte((byte)'k');
        var ledger = new RegistrationLedger(dir.Combine("ledger.jsonl"));
        ledger.Append(new LedgerEntry { Time = DateTimeOffset.UtcNow, Outcome = "Created", Server = "https://e", Api = "Esignet", ClientId = "x_y", PrivateKeyPemPath = old.PrivateKeyPemPath });

        var e = Assert.Throws<EsignetException>(() => ClientKeyFiles.Locate(keys, "x:y", false, ledger, byClientName: false, out _));
        Assert.Equal("KeyFileOfAnotherClient", e.ErrorId);

        KeyFileSet own = ClientKeyFiles.Locate(keys, "x_y", false, ledger, byClientName: false, out bool exists);
        Assert.True(exists);
        Assert.Equal(old.PrivateKeyPemPath, own.PrivateKeyPemPath);

        KeyFileSet fresh = ClientKeyFiles.Locate(keys, "x:z", false, ledger, byClientName: false, out bool freshExists);
        Assert.False(freshExists);
        Assert.Equal(Path.Combine(keys, KeyFileName.For("x:z")) + ".private.pem", fresh.PrivateKeyPemPath);
    }
}
