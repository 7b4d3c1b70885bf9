<#
.SYNOPSIS
    The reference for the registration benchmark: how an operator scripts the manual procedure today, written as a
    competent one would. One token up front, one Invoke-RestMethod per row, the eSignet wrapper built by hand,
    errors collected rather than stopping the run. Sequential, as such loops are.
.OUTPUTS
    One object per row: ClientId and Status, or Error.
#>
param(
    [Parameter(Mandatory)] [object[]] $Rows,         # clientId, clientName, relyingPartyId, logoUri, redirectUris, publicKey (JWK JSON)
    [Parameter(Mandatory)] [string] $EsignetUri,
    [Parameter(Mandatory)] [string] $TokenUri,
    [Parameter(Mandatory)] [pscredential] $Credential
)
$ErrorActionPreference = 'Stop'

$token = (Invoke-RestMethod -Method Post -Uri $TokenUri -ContentType 'application/x-www-form-urlencoded' -Body @{
        grant_type    = 'client_credentials'
        client_id     = $Credential.UserName
        client_secret = $Credential.GetNetworkCredential().Password
    }).access_token
$headers = @{ Authorization = "Bearer $token" }
$endpoint = "$($EsignetUri.TrimEnd('/'))/v1/esignet/client-mgmt/oidc-client"

foreach ($row in $Rows) {
    $body = @{
        requestTime = [DateTime]::UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'")
        request     = @{
            clientId          = $row.clientId
            clientName        = $row.clientName
            relyingPartyId    = $row.relyingPartyId
            publicKey         = ($row.publicKey | ConvertFrom-Json -AsHashtable)
            logoUri           = $row.logoUri
            redirectUris      = @($row.redirectUris -split ';')
            userClaims        = @('name', 'email')
            authContextRefs   = @('mosip:idp:acr:generated-code')
            grantTypes        = @('authorization_code')
            clientAuthMethods = @('private_key_jwt')
        }
    } | ConvertTo-Json -Depth 5
    try {
        $answer = Invoke-RestMethod -Method Post -Uri $endpoint -Headers $headers -ContentType 'application/json' -Body $body
        if ($answer.errors) { [pscustomobject]@{ ClientId = $row.clientId; Error = $answer.errors[0].errorCode } }
        else { [pscustomobject]@{ ClientId = $answer.response.clientId; Status = $answer.response.status } }
    }
    catch {
        [pscustomobject]@{ ClientId = $row.clientId; Error = $_.Exception.Message }
    }
}
