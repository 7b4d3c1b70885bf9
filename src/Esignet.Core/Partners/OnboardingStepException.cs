using System;
using Esignet.Core.Errors;
using Esignet.Core.Servers;

namespace Esignet.Core.Partners
{
    /// <summary>
    /// An onboarding step that stopped: the ErrorId is PMS's or keymanager's code (or the module's own id for a stop
    /// it decided), and the message names the step, the object and what to do.
    /// </summary>
    public sealed class OnboardingStepException : EsignetException
    {
        public OnboardingStepException(string errorId, EsignetErrorKind kind, string step, string target, string message, Exception? inner = null)
            : base(errorId, kind, $"Step {step} ({target}): {message}", inner)
        {
            Step = step;
            Object = target;
            TargetObject = target;
        }

        public string Step { get; }

        public string Object { get; }

        /// <summary>A PMS error answer, as the step's error: its code as ErrorId, its message and the advice for the code.</summary>
        public static OnboardingStepException From(ServerErrorException e, string step, string target)
        {
            string code = string.IsNullOrEmpty(e.ErrorCode) ? "PmsError" : e.ErrorCode!;
            string advice = OnboardingCodes.Advice(e.ErrorCode) ?? "See the PMS and keymanager logs for this request.";
            string said = e.ServerMessage == null ? "" : $" \"{e.ServerMessage}\"";
            return new OnboardingStepException(code, e.Kind, step, target, $"{e.Endpoint} answered {code}{said}. {advice}", e);
        }
    }
}
