# Help for the parameters every server cmdlet inherits (EsignetServerCmdlet). tools/New-MamlHelp.ps1 uses these
# wherever a cmdlet's own help file does not describe the parameter itself.
@{
    Parameters = @{
        Context    = 'The connection to use, from Connect-EsignetServer -PassThru. Defaults to the current connection.'
        MaxRetry   = 'For this command only: how many times a request is retried after a transient failure (connection error, timeout, HTTP 429, 500, 502, 503 or 504), with growing back-off and jitter, honouring Retry-After (0 to 20). Validation errors are never retried.'
        ThrottleLimit = 'How many rows are worked on at once (1 to 64). Results are written as each row finishes, roughly in input order; 1 works strictly in input order. Memory stays flat however long the input.'
        TimeoutSec = 'For this command only: seconds to wait for the answer to each HTTP attempt (1 to 3600). A timed-out attempt counts as transient and is retried.'
    }
    Defaults   = @{
        Context    = 'The current connection'
        MaxRetry   = 'The connection''s (Connect-EsignetServer -MaxRetry, 4 by default)'
        ThrottleLimit = '16'
        TimeoutSec = 'The connection''s (Connect-EsignetServer -TimeoutSec, 30 by default)'
    }
}
