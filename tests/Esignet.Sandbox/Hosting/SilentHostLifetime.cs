namespace Esignet.Sandbox.Hosting;

/// <summary>
/// A host lifetime that ignores the console: in-process sandboxes are stopped by disposing them, never by the
/// test runner's Ctrl+C, and several can run side by side.
/// </summary>
internal sealed class SilentHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
