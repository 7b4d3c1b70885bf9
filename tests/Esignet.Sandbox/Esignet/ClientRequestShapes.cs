using Esignet.Sandbox.Json;
using Esignet.Sandbox.Versions;

namespace Esignet.Sandbox.Esignet;

/// <summary>
/// The Java DTO behind each endpoint's <c>request</c> (esignet-api.md §1.2, §2): its class name (for Jackson-style
/// messages) and its members (anything else is an unknown property, §2.9).
/// </summary>
public static class ClientRequestShapes
{
    private static readonly JsonField[] Create =
    [
        new("clientId", JsonFieldKind.Text), new("clientName", JsonFieldKind.Text), new("publicKey", JsonFieldKind.Object),
        new("relyingPartyId", JsonFieldKind.Text), new("userClaims", JsonFieldKind.TextList), new("authContextRefs", JsonFieldKind.TextList),
        new("logoUri", JsonFieldKind.Text), new("redirectUris", JsonFieldKind.TextList), new("grantTypes", JsonFieldKind.TextList),
        new("clientAuthMethods", JsonFieldKind.TextList),
    ];

    private static readonly JsonField[] Update =
    [
        new("logoUri", JsonFieldKind.Text), new("redirectUris", JsonFieldKind.TextList), new("userClaims", JsonFieldKind.TextList),
        new("authContextRefs", JsonFieldKind.TextList), new("status", JsonFieldKind.Text), new("grantTypes", JsonFieldKind.TextList),
        new("clientName", JsonFieldKind.Text), new("clientAuthMethods", JsonFieldKind.TextList),
    ];

    private static readonly JsonField LangMap = new("clientNameLangMap", JsonFieldKind.TextMap);
    private static readonly JsonField AdditionalConfig = new("additionalConfig", JsonFieldKind.Any);
    private static readonly JsonField EncPublicKey = new("encPublicKey", JsonFieldKind.Object);

    /// <summary>The wrapper <c>RequestWrapper</c> (§1.4): requestTime and request only.</summary>
    public static readonly JsonField[] Wrapper = [new("requestTime", JsonFieldKind.Text), new("request", JsonFieldKind.Any)];

    public const string WrapperClass = "io.mosip.esignet.core.dto.RequestWrapper";

    public static IReadOnlyList<JsonField> Fields(ClientEndpoint endpoint) => endpoint switch
    {
        ClientEndpoint.CreateOidcClient => Create,
        ClientEndpoint.CreateOAuthClient => [.. Create, LangMap],
        ClientEndpoint.CreateClient => [.. Create, LangMap, AdditionalConfig],
        ClientEndpoint.UpdateOidcClient => Update,
        ClientEndpoint.UpdateOAuthClient => [.. Update, LangMap],
        ClientEndpoint.UpdateClient => [.. Update, LangMap, AdditionalConfig],
        _ => [.. Update, LangMap, AdditionalConfig, EncPublicKey],
    };

    public static string JavaClass(ClientEndpoint endpoint) => "io.mosip.esignet.core.dto." + endpoint switch
    {
        ClientEndpoint.CreateOidcClient => "ClientDetailCreateRequest",
        ClientEndpoint.CreateOAuthClient => "ClientDetailCreateRequestV2",
        ClientEndpoint.CreateClient => "ClientDetailCreateRequestV3",
        ClientEndpoint.UpdateOidcClient => "ClientDetailUpdateRequest",
        ClientEndpoint.UpdateOAuthClient => "ClientDetailUpdateRequestV2",
        ClientEndpoint.UpdateClient => "ClientDetailUpdateRequestV3",
        _ => "ClientDetailPatchRequest",
    };

    public static bool IsCreate(ClientEndpoint e) => e is ClientEndpoint.CreateOidcClient or ClientEndpoint.CreateOAuthClient or ClientEndpoint.CreateClient;

    public static bool HasLanguageMap(ClientEndpoint e) => e is not (ClientEndpoint.CreateOidcClient or ClientEndpoint.UpdateOidcClient);

    public static bool HasAdditionalConfig(ClientEndpoint e) => e is ClientEndpoint.CreateClient or ClientEndpoint.UpdateClient or ClientEndpoint.PatchClient;
}
