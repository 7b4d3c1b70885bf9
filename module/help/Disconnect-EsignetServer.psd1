@{
    Synopsis    = 'Forgets the current eSignet/PMS connection and the token it holds.'
    Description = @'
Disconnect-EsignetServer clears the connection Connect-EsignetServer made current and closes its HTTP
connections; the token it held is dropped from memory. Cmdlets run afterwards without -Context stop with the
error NotConnected until you connect again.

Nothing on disk changes: the ledger, key files and the server's clients stay as they are. Nothing is revoked
on the server either; a token you passed with -AccessToken stays valid until it expires. Disconnecting when
not connected is not an error (with -Verbose it says there was nothing to do).

A connection object kept from Connect-EsignetServer -PassThru is not the current connection unless it was the
last one made; when it was, it is closed too and can no longer be used with -Context.
'@
    Parameters  = @{}
    Examples    = @(
        @{
            Title   = 'End an interactive session'
            Code    = 'Disconnect-EsignetServer'
            Remarks = 'Forgets the current connection and its token.'
        }
        @{
            Title   = 'Always disconnect at the end of a scheduled script'
            Code    = @'
try {
    Connect-EsignetServer
    Import-Csv ./clients.csv | New-EsignetOidcClient -GenerateKey -KeyDirectory ./keys | Export-Csv ./registered.csv
}
finally {
    Disconnect-EsignetServer
}
'@
            Remarks = 'Connects from the ESIGNET_* environment variables, registers every row, and drops the token even when the run fails.'
        }
    )
    Inputs      = @()
    Outputs     = 'None.'
    Notes       = 'The connection lives only in the current PowerShell process, so ending the process has the same effect.'
    Links       = @('Connect-EsignetServer', 'Get-EsignetContext', 'about_Esignet')
}
