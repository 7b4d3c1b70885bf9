namespace Esignet.Core.Definitions
{
    /// <summary>The stable rule names of <see cref="ValidationIssue.Rule"/>: what kind of check failed, for diagnostics and filtering.</summary>
    public static class ValidationRuleNames
    {
        public const string Required = "Required";
        public const string Blank = "Blank";
        public const string Whitespace = "Whitespace";
        public const string IdPattern = "IdPattern";
        public const string UnusualCharacter = "UnusualCharacter";
        public const string MaxLength = "MaxLength";
        public const string MinCount = "MinCount";
        public const string MaxCount = "MaxCount";
        public const string DuplicateInList = "DuplicateInList";
        public const string UnknownClaim = "UnknownClaim";
        public const string UnknownAcr = "UnknownAcr";
        public const string UnsupportedValue = "UnsupportedValue";
        public const string InvalidUrl = "InvalidUrl";
        public const string SuspiciousUrl = "SuspiciousUrl";
        public const string UrlFragment = "UrlFragment";
        public const string CommaInUri = "CommaInUri";
        public const string KeyTypeNotOnLine = "KeyTypeNotOnLine";
        public const string BlankAlgOrUse = "BlankAlgOrUse";
        public const string NotSigningKey = "NotSigningKey";
        public const string AlgorithmNotAccepted = "AlgorithmNotAccepted";
        public const string LanguageCode = "LanguageCode";
        public const string NameValueLength = "NameValueLength";
        public const string AdditionalConfigSchema = "AdditionalConfigSchema";

        /// <summary>A cell that cannot be read as the list, map or JSON its field needs.</summary>
        public const string MalformedValue = "MalformedValue";

        /// <summary>A public key cell whose file is missing or whose text is not a key.</summary>
        public const string KeyUnreadable = "KeyUnreadable";
        public const string EndpointNotOnLine = "EndpointNotOnLine";
        public const string FieldNotOnEndpoint = "FieldNotOnEndpoint";
        public const string IgnoredByPms = "IgnoredByPms";
        public const string DatabaseColumnLength = "DatabaseColumnLength";
        public const string DuplicateInInput = "DuplicateInInput";
        public const string KeyTooSmall = "KeyTooSmall";
        public const string WeakKey = "WeakKey";
    }
}
