using System;
using System.Globalization;
using System.Management.Automation;

namespace Esignet.PowerShell.Infrastructure
{
    /// <summary>
    /// Lets a TimeSpan parameter take a number of seconds (300, '300') as well as a TimeSpan or its text
    /// ('00:05:00'). PowerShell alone would read 300 as 300 ticks, and '300' as 300 days.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecondsOrTimeSpanAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object? value = inputData is PSObject pso ? pso.BaseObject : inputData;
            switch (value)
            {
                case TimeSpan span:
                    return span;
                case int _:
                case long _:
                case double _:
                case decimal _:
                case float _:
                    return TimeSpan.FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                case string text when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds):
                    return TimeSpan.FromSeconds(seconds);
                case string text when TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out TimeSpan parsed):
                    return parsed;
                default:
                    throw new ArgumentTransformationMetadataException(
                        $"'{inputData}' is not a lifetime. Give seconds (300), a TimeSpan ((New-TimeSpan -Minutes 5)) or its text ('00:05:00').");
            }
        }
    }
}
