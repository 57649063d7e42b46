using Amanat.Core.Incidents;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Localization;

internal static class RuleErrorMessages
{
    /// <summary>Puts the domain's rule errors beside their form fields (<c>prefix.Field</c>), in the reader's language.</summary>
    public static void AddRuleErrors(this ModelStateDictionary state, string prefix, IEnumerable<RuleError> errors, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(localizer);
        foreach (var error in errors)
        {
            state.AddModelError(prefix + "." + error.Field, localizer[error.MessageKey]);
        }
    }
}
