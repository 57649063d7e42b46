using System.ComponentModel.DataAnnotations;
using Amanat.Core.Security;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Keys;

/// <summary>A new unlock passphrase, typed twice: at least 16 characters (a few words are easier than symbols).</summary>
internal sealed class PassphraseInput
{
    public const int MaxLength = 1024;

    [StringLength(MaxLength, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.Passphrase")]
    public string? Passphrase { get; set; }

    [StringLength(MaxLength, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ConfirmPassphrase")]
    public string? ConfirmPassphrase { get; set; }

    public bool IsEmpty => string.IsNullOrEmpty(Passphrase) && string.IsNullOrEmpty(ConfirmPassphrase);

    public void Validate(ModelStateDictionary modelState, IStringLocalizer localizer, string prefix, bool required)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(localizer);
        if (IsEmpty)
        {
            if (required)
            {
                modelState.AddModelError(prefix + ".Passphrase", localizer["Validation.Required", localizer["Field.Passphrase"]]);
            }

            return;
        }

        if ((Passphrase ?? string.Empty).Length < KeyVault.MinPassphraseLength)
        {
            modelState.AddModelError(prefix + ".Passphrase", localizer["Keys.Error.PassphraseTooShort", KeyVault.MinPassphraseLength]);
        }
        else if (!string.Equals(Passphrase, ConfirmPassphrase, StringComparison.Ordinal))
        {
            modelState.AddModelError(prefix + ".ConfirmPassphrase", localizer["Keys.Error.PassphrasesDiffer"]);
        }
    }
}
