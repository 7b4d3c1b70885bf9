using Esignet.Core.Errors;

namespace Esignet.Core.Keys
{
    /// <summary>What key to generate. <see cref="Validate"/> fills defaults and refuses what eSignet or good practice would not take.</summary>
    public sealed class KeySpec
    {
        public const int DefaultRsaSize = 2048;

        public KeyKind Kind { get; set; } = KeyKind.RSA;

        /// <summary>RSA modulus bits: 2048 (default), 3072 or 4096.</summary>
        public int? RsaSize { get; set; }

        /// <summary>EC curve; P-256 when not set.</summary>
        public EcCurve? Curve { get; set; }

        public KeyUse Use { get; set; } = KeyUse.Sig;

        /// <summary>JOSE alg; defaults from kind, use and curve.</summary>
        public string? Algorithm { get; set; }

        /// <summary>kid; defaults to the RFC 7638 thumbprint.</summary>
        public string? KeyId { get; set; }

        /// <summary>Returns a copy with every default filled in, or throws a specific error.</summary>
        public KeySpec Validate()
        {
            var spec = new KeySpec { Kind = Kind, Use = Use, KeyId = KeyId };
            if (Kind == KeyKind.RSA)
            {
                if (Curve != null)
                {
                    throw new EsignetException("CurveWithRsa", EsignetErrorKind.InvalidArgument,
                        "A curve applies only to EC keys. Remove -Curve, or add -KeyType EC.");
                }

                int size = RsaSize ?? DefaultRsaSize;
                if (size < 2048)
                {
                    throw new EsignetException("KeySizeTooSmall", EsignetErrorKind.InvalidArgument,
                        $"RSA keys of {size} bits are too weak to register. Use 2048 (the default), 3072 or 4096.");
                }

                if (size != 2048 && size != 3072 && size != 4096)
                {
                    throw new EsignetException("KeySizeUnsupported", EsignetErrorKind.InvalidArgument,
                        $"RSA key size {size} is not supported. Use 2048 (the default), 3072 or 4096.");
                }

                spec.RsaSize = size;
            }
            else
            {
                if (RsaSize != null)
                {
                    throw new EsignetException("KeySizeWithEc", EsignetErrorKind.InvalidArgument,
                        "A key size applies only to RSA keys; EC keys take -Curve (P-256, P-384 or P-521).");
                }

                spec.Curve = Curve ?? EcCurve.P256;
            }

            spec.Algorithm = string.IsNullOrWhiteSpace(Algorithm)
                ? JwkAlgorithms.Default(spec.Kind, spec.Use, spec.Curve)
                : JwkAlgorithms.Validate(Algorithm!, spec.Kind, spec.Use, spec.Curve);

            if (KeyId != null && (KeyId.Length == 0 || KeyId.Trim() != KeyId))
            {
                throw new EsignetException("InvalidKeyId", EsignetErrorKind.InvalidArgument,
                    "A key id must not be empty or start or end with whitespace.");
            }

            return spec;
        }
    }
}
