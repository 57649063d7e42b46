using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Authentication;

/// <summary>Turns Identity's English error codes into localized form errors on the right field.</summary>
internal static class IdentityErrors
{
    public static void AddTo(ModelStateDictionary modelState, IdentityResult result, IStringLocalizer localizer, string userNameField, string passwordField)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(localizer);
        foreach (var error in result.Errors)
        {
            var (field, key) = error.Code switch
            {
                nameof(IdentityErrorDescriber.DuplicateUserName) => (userNameField, "Staff.Error.UserNameTaken"),
                nameof(IdentityErrorDescriber.InvalidUserName) => (userNameField, "Staff.Error.UserNameInvalid"),
                nameof(IdentityErrorDescriber.PasswordTooShort) => (passwordField, "Staff.Error.PasswordTooShort"),
                nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => (passwordField, "Staff.Error.PasswordTooSimple"),
                _ => (string.Empty, "Status.400"),
            };
            modelState.AddModelError(field, localizer[key]);
        }
    }
}
