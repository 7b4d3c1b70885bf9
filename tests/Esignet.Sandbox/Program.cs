using Esignet.Sandbox.Hosting;

namespace Esignet.Sandbox;

/// <summary>
/// Command-line entry point. Prints exactly one line to stdout once listening,
/// <c>Sandbox listening on http://127.0.0.1:&lt;port&gt;</c>, which scripts and the Pester tests parse; everything else
/// (warnings, errors) goes to stderr. Stops cleanly on Ctrl+C or SIGTERM.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        CommandLineRequest request;
        try
        {
            request = CommandLine.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        if (request.ShowHelp)
        {
            Console.Out.Write(CommandLine.HelpText());
            return 0;
        }

        await using var host = await SandboxHost.StartAsync(request.Settings, request.Url, request.Options);
        Console.Out.WriteLine($"Sandbox listening on {host.BaseUrl}");
        Console.Out.Flush();
        await host.WaitForShutdownAsync();
        return 0;
    }
}
