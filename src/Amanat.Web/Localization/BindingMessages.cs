using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Localization;

/// <summary>
/// The framework's own messages for values that do not parse (letters in a number, an unknown choice) in
/// the reader's language, never "The value 'abc' is not valid for BirthYear." — and without echoing the value.
/// </summary>
internal static class BindingMessages
{
    public static IServiceCollection AddLocalizedBindingMessages(this IServiceCollection services) =>
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((mvc, factory) =>
        {
            var t = factory.Create(typeof(SharedResource));
            var messages = mvc.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((_, _) => t["Rule.NotValid"]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => t["Rule.NotValid"]);
            messages.SetUnknownValueIsInvalidAccessor(_ => t["Rule.NotValid"]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Rule.NotValid"]);
            messages.SetValueIsInvalidAccessor(_ => t["Rule.NotValid"]);
            messages.SetValueMustBeANumberAccessor(_ => t["Rule.NotANumber"]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => t["Rule.NotANumber"]);
            messages.SetValueMustNotBeNullAccessor(_ => t["Rule.Required"]);
            messages.SetMissingBindRequiredValueAccessor(_ => t["Rule.Required"]);
            messages.SetMissingKeyOrValueAccessor(() => t["Rule.Required"]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => t["Rule.Required"]);
        }).Services;
}
