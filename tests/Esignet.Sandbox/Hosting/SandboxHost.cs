using Esignet.Sandbox.Control;
using Esignet.Sandbox.Esignet;
using Esignet.Sandbox.Faults;
using Esignet.Sandbox.Oidc;
using Esignet.Sandbox.Pms;
using Esignet.Sandbox.Pms.Onboarding;
using Esignet.Sandbox.State;
using Esignet.Sandbox.Tokens;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Console;

namespace Esignet.Sandbox.Hosting;

/// <summary>
/// A running sandbox: the web app, its stores and its live settings. Used by <c>Program</c> and, in-process, by
/// tests: <c>await using var host = await SandboxHost.StartAsync(new SandboxSettings { EsignetVersion = "1.7" });</c>.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary>The address actually bound, e.g. <c>http://127.0.0.1:41237/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary><see cref="BaseUri"/> without the trailing slash, as printed on stdout.</summary>
    public string BaseUrl => BaseUri.GetLeftPart(UriPartial.Authority);

    public SandboxRuntime Runtime => Services.GetRequiredService<SandboxRuntime>();

    /// <summary>The live settings; setting validates and applies them (as <c>PUT /_sandbox/config</c> does).</summary>
    public SandboxSettings Settings
    {
        get => Runtime.Settings;
        set => Runtime.Apply(value);
    }

    public IServiceProvider Services => _app.Services;

    public EsignetClientStore EsignetClients => Services.GetRequiredService<EsignetClientStore>();

    public PmsClientStore PmsClients => Services.GetRequiredService<PmsClientStore>();

    /// <summary>PMS partners, policies, groups and mappings (the onboarding state).</summary>
    public PmsDirectory PmsDirectory => Services.GetRequiredService<PmsDirectory>();

    /// <summary>Starts listening on <paramref name="url"/> (port 0 picks a free port) and returns once it accepts requests.</summary>
    public static async Task<SandboxHost> StartAsync(SandboxSettings settings, string url = "http://127.0.0.1:0", SandboxStartOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxStartOptions();
        settings.Validate();
        var app = Build(settings, url, options);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server reported no address.");
        return new SandboxHost(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <summary>Completes when the process is asked to stop (Ctrl+C, SIGTERM) or the host is stopped.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync(TimeSpan.FromSeconds(5));
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }

    private static WebApplication Build(SandboxSettings settings, string url, SandboxStartOptions options)
    {
        // No command-line args and the binary's folder as content root: configuration comes only from SandboxSettings.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

        // Warnings only, and on stderr: stdout carries the one "Sandbox listening on" line that callers parse.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (!options.HandleConsoleSignals) builder.Services.AddSingleton<IHostLifetime, SilentHostLifetime>();

        RegisterServices(builder.Services, settings, options);

        var app = builder.Build();
        app.Services.GetRequiredService<StatePersistence>().LoadAndWatch();

        app.UseRouting();
        // The Date header from the sandbox's clock, as a real server's comes from its own (clients measure skew from it).
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.Date = options.Clock.GetUtcNow().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseMiddleware<RequestCountingMiddleware>();
        app.UseMiddleware<FaultMiddleware>();

        ClientManagementEndpoints.Map(app);
        OAuthDetailsEndpoint.Map(app);
        DiscoveryEndpoints.Map(app);
        TokenEndpoint.Map(app);
        KeycloakTokenEndpoint.Map(app);
        AuthManagerEndpoint.Map(app);
        PmsEndpoints.Map(app);
        PolicyManagerEndpoints.Map(app);
        PartnerManagerEndpoints.Map(app);
        ControlEndpoints.Map(app);
        return app;
    }

    private static void RegisterServices(IServiceCollection services, SandboxSettings settings, SandboxStartOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(options.Clock);
        services.AddSingleton(new SandboxRuntime(settings, options.Clock));
        services.AddSingleton<EsignetClientStore>();
        services.AddSingleton<PmsClientStore>();
        services.AddSingleton(_ => PmsDirectory.Load(options.PmsSeedFile, options.PmsEmpty));
        services.AddSingleton<KeymanagerStore>();
        services.AddSingleton<PolicyManagerService>();
        services.AddSingleton<PartnerOnboardingService>();
        services.AddSingleton<StatePersistence>();
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<BearerTokenGate>();
        services.AddSingleton<ClientManagementService>();
        services.AddSingleton<AssertionReplayCache>();
        services.AddSingleton<AuthorizationCodes>();
        services.AddSingleton<ClientAssertionVerifier>();
        services.AddSingleton<RequestCounters>();
        services.AddSingleton<FaultPlan>();
        services.AddSingleton<PmsClientService>();
        services.AddSingleton<SandboxReset>();
    }
}
