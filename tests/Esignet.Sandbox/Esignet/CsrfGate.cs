using Esignet.Sandbox.Json;

namespace Esignet.Sandbox.Esignet;

/// <summary>
/// Spring's <c>CookieCsrfTokenRepository</c> (esignet-api.md §5.4): <c>GET /v1/esignet/csrf/token</c> sets the
/// <c>XSRF-TOKEN</c> cookie and returns it; a protected request must echo it in <c>X-XSRF-TOKEN</c>.
/// A failure is an AccessDeniedException: 403 with an empty body [inference].
/// </summary>
public static class CsrfGate
{
    public const string CookieName = "XSRF-TOKEN";
    public const string HeaderName = "X-XSRF-TOKEN";

    public static bool IsSatisfied(HttpContext context)
    {
        var cookie = context.Request.Cookies[CookieName];
        var header = context.Request.Headers[HeaderName].ToString();
        return !string.IsNullOrEmpty(cookie) && string.Equals(cookie, header, StringComparison.Ordinal);
    }

    public static void Refuse(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        Control.RequestOutcome.Set(context, "http:403");
    }

    /// <summary>The token endpoint: reuse the cookie's token or mint one (HttpOnly from v1.7, §5.4).</summary>
    public static Task IssueAsync(HttpContext context, bool httpOnly)
    {
        var token = context.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(token))
        {
            token = Guid.NewGuid().ToString();
            context.Response.Cookies.Append(CookieName, token, new CookieOptions { Path = "/", HttpOnly = httpOnly });
        }
        Control.RequestOutcome.Success(context);
        return HttpJson.WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteString("headerName", HeaderName);
            w.WriteString("parameterName", "_csrf");
            w.WriteString("token", token);
            w.WriteEndObject();
        });
    }
}
