using Esignet.Core.Errors;
using Esignet.Core.Ledger;

namespace Esignet.Core.Tests.Ledger;

/// <summary>
/// The ledger's writing rules: durable appends share flushes and never lose a line, a bulk run's held file still
/// writes at the true end of the file, and nothing is created or kept open that should not be.
/// </summary>
public class RegistrationLedgerTests
{
    private static LedgerEntry Entry(string clientId, string outcome = "Pending") => new LedgerEntry
    {
        Time = DateTimeOffset.UtcNow, Outcome = outcome, Server = "https://esignet.example.org", Api = "Esignet", ClientId = clientId,
    };

    [Fact]
    public async Task Concurrent_durable_appends_all_complete_and_every_line_is_in_the_file()
    {
        using var dir = new TempFolder();
        var ledger = new RegistrationLedger(dir.Combine("ledger.jsonl"));
        Task[] writes = Enumerable.Range(0, 400).Select(i => Task.Run(() => ledger.AppendDurableAsync(Entry($"c-{i}")))).ToArray();
        await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30));

        string[] lines = File.ReadAllLines(ledger.Path);
        Assert.Equal(400, lines.Length);
        var fresh = new RegistrationLedger(ledger.Path);
        Assert.Equal(400, fresh.All(null).Count);
        for (int i = 0; i < 400; i++) Assert.Equal("Pending", fresh.Find("https://esignet.example.org", $"c-{i}")!.Outcome);
    }

    [Fact]
    public async Task A_durable_append_after_the_flusher_went_idle_still_completes()
    {
        using var dir = new TempFolder();
        var ledger = new RegistrationLedger(dir.Combine("ledger.jsonl"));
        await ledger.AppendDurableAsync(Entry("first")).WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(100); // the flusher has no waiter left and stops
        await ledger.AppendDurableAsync(Entry("second")).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, File.ReadAllLines(ledger.Path).Length);
    }

    [Fact]
    public async Task A_ledger_that_cannot_be_written_fails_the_durable_append_with_its_own_error()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.Combine("file"), "not a folder");
        var ledger = new RegistrationLedger(dir.Combine("file", "ledger.jsonl"));
        var e = await Assert.ThrowsAsync<EsignetException>(() => ledger.AppendDurableAsync(Entry("x")));
        Assert.Equal("LedgerNotWritable", e.ErrorId);
    }

    [Fact]
    public void A_held_ledger_writes_after_lines_another_process_appended_meanwhile()
    {
        using var dir = new TempFolder();
        string path = dir.Combine("ledger.jsonl");
        var ours = new RegistrationLedger(path);
        var theirs = new RegistrationLedger(path); // a second instance opens the file anew for every line, as another process would
        using (ours.KeepOpen())
        {
            for (int i = 0; i < 20; i++)
            {
                ours.Append(Entry($"ours-{i}", "Created"));
                theirs.Append(Entry($"theirs-{i}", "Created"));
            }
        }

        var all = new RegistrationLedger(path).All(null).Select(e => e.ClientId).ToHashSet();
        Assert.Equal(40, all.Count);
        Assert.Equal(40, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void Holding_the_ledger_creates_nothing_until_a_line_is_written()
    {
        using var dir = new TempFolder();
        string path = dir.Combine("sub", "ledger.jsonl");
        var ledger = new RegistrationLedger(path);
        using (ledger.KeepOpen())
        {
            Assert.False(Directory.Exists(dir.Combine("sub")));
        }

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void After_the_last_hold_is_released_a_deleted_ledger_is_created_anew()
    {
        using var dir = new TempFolder();
        string path = dir.Combine("ledger.jsonl");
        var ledger = new RegistrationLedger(path);
        IDisposable outer = ledger.KeepOpen();
        IDisposable inner = ledger.KeepOpen();
        ledger.Append(Entry("a", "Created"));
        inner.Dispose();
        inner.Dispose(); // twice is harmless: it must not release the outer hold
        File.Delete(path);
        ledger.Append(Entry("b", "Created")); // still held: goes to the open (deleted) file, as a held file must
        outer.Dispose();

        ledger.Append(Entry("c", "Created"));
        string[] lines = File.ReadAllLines(path);
        Assert.Single(lines);
        Assert.Contains("\"c\"", lines[0]);
    }
}
