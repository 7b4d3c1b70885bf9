using Esignet.Sandbox.Hosting;
using Esignet.Sandbox.Tokens;

namespace Esignet.Sandbox.Pms;

/// <summary>
/// MOSIP's kernel auth adapter in front of PMS (pms-api.md §9.1): the token is read ONLY from a cookie whose name
/// contains "Authorization" (an <c>Authorization: Bearer</c> header is ignored). Missing, invalid or expired:
/// HTTP 401 <c>KER-ATH-401 "Authentication Failed"</c>.
/// </summary>
public static class PmsCookieAuthentication
{
    public static async Task<TokenPrincipal?> AuthenticateAsync(HttpContext context)
    {
        var token = context.Request.Cookies.FirstOrDefault(c => c.Key.Contains("Authorization", StringComparison.Ordinal)).Value;
        var principal = string.IsNullOrEmpty(token) ? null : context.RequestServices.GetRequiredService<AccessTokens>().Validate(token, TimeSpan.Zero);
        if (principal is null)
        {
            var clock = context.RequestServices.GetRequiredService<SandboxRuntime>().Clock;
            await PmsResponses.WriteKernelErrorAsync(context, StatusCodes.Status401Unauthorized, "KER-ATH-401", "Authentication Failed", clock);
        }
        return principal;
    }
}
