namespace Esignet.Sandbox.Hosting;

/// <summary>
/// What is fixed for the life of one sandbox process (unlike <see cref="SandboxSettings"/>, which can change at
/// run time): where state is persisted, extra PMS seed data, the clock, and whether console signals stop it.
/// </summary>
public sealed record SandboxStartOptions
{
    /// <summary><c>--data</c>: a JSON file to load state from at start and save to on every change; null keeps state in memory.</summary>
    public string? DataFile { get; init; }

    /// <summary><c>--pms-seed</c>: a JSON file merged over the embedded PMS seed (partners, policies, groups, mappings).</summary>
    public string? PmsSeedFile { get; init; }

    /// <summary><c>--pms-empty</c>: start PMS without the embedded seed (no groups, policies, partners or mappings).</summary>
    public bool PmsEmpty { get; init; }

    /// <summary>The clock; tests may substitute a fake one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// True for the command-line process (Ctrl+C / SIGTERM stop it). In-process hosts leave it false so that several
    /// sandboxes in one test run do not all listen to the console.
    /// </summary>
    public bool HandleConsoleSignals { get; init; }
}
