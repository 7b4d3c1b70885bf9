using System.Text.Json;
using Esignet.Sandbox.State;

namespace Esignet.Sandbox.Hosting;

/// <summary>
/// <c>--data &lt;file&gt;</c>: the eSignet and PMS client tables as one JSON file, loaded at start and rewritten after
/// every change (write to a temporary file, then rename, so a crash never leaves half a file). Without a file it
/// does nothing and state lives in memory only.
/// </summary>
public sealed class StatePersistence
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly string? _path;
    private readonly EsignetClientStore _esignet;
    private readonly PmsClientStore _pms;
    private readonly Lock _gate = new();

    public StatePersistence(SandboxStartOptions options, EsignetClientStore esignet, PmsClientStore pms)
    {
        _path = options.DataFile is null ? null : Path.GetFullPath(options.DataFile);
        _esignet = esignet;
        _pms = pms;
    }

    /// <summary>The file's shape.</summary>
    public sealed record Snapshot(IReadOnlyList<EsignetClientRecord> EsignetClients, IReadOnlyList<PmsClientRecord> PmsClients);

    public void LoadAndWatch()
    {
        if (_path is null) return;
        if (File.Exists(_path) && new FileInfo(_path).Length > 0)
        {
            var snapshot = JsonSerializer.Deserialize<Snapshot>(File.ReadAllText(_path), Options)
                ?? throw new InvalidDataException($"{_path} does not hold sandbox state.");
            _esignet.Load(snapshot.EsignetClients ?? []);
            _pms.Load(snapshot.PmsClients ?? []);
        }
        _esignet.Changed += Save;
        _pms.Changed += Save;
    }

    private void Save()
    {
        lock (_gate)
        {
            var json = JsonSerializer.Serialize(new Snapshot(_esignet.Snapshot(), _pms.Snapshot()), Options);
            var directory = Path.GetDirectoryName(_path!);
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            var temporary = _path + ".tmp";
            File.WriteAllText(temporary, json);
            File.Move(temporary, _path!, overwrite: true);
        }
    }
}
