namespace Esignet.Sandbox.Hosting;

/// <summary>
/// The live configuration: one volatile reference to an <see cref="ActiveConfig"/>, swapped whole on change, so
/// requests read it without locks and never see half an update.
/// </summary>
public sealed class SandboxRuntime
{
    private volatile ActiveConfig _active;

    public SandboxRuntime(SandboxSettings startupSettings, TimeProvider clock)
    {
        StartupSettings = startupSettings;
        Clock = clock;
        _active = new ActiveConfig(startupSettings);
    }

    /// <summary>The settings the sandbox started with; <c>POST /_sandbox/reset</c> returns to them.</summary>
    public SandboxSettings StartupSettings { get; }

    public TimeProvider Clock { get; }

    public ActiveConfig Active => _active;

    public SandboxSettings Settings => _active.Settings;

    /// <summary>Raised after the settings changed (the fault plan restarts its sequence when the seed changes).</summary>
    public event Action<SandboxSettings, SandboxSettings>? SettingsChanged;

    /// <summary>Validates and applies new settings; throws <see cref="ArgumentException"/> when invalid.</summary>
    public void Apply(SandboxSettings settings)
    {
        var next = new ActiveConfig(settings);
        var previous = _active.Settings;
        _active = next;
        SettingsChanged?.Invoke(previous, settings);
    }
}
