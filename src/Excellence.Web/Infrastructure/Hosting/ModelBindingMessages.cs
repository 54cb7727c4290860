using Excellence.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Excellence.Web.Infrastructure.Hosting;

/// <summary>The framework's own binding messages ("The value 'x' is not valid"), in the user's language.</summary>
public static class ModelBindingMessages
{
    public static void Localize(MvcOptions o, IServiceCollection services)
    {
        var catalog = new StringCatalog();
        string T(string key, params object[] args) => catalog.Text(key, System.Globalization.CultureInfo.CurrentUICulture, args);
        var p = o.ModelBindingMessageProvider;
        p.SetAttemptedValueIsInvalidAccessor((value, field) => T("Binding.Invalid", value));
        p.SetValueIsInvalidAccessor(value => T("Binding.Invalid", value));
        p.SetValueMustBeANumberAccessor(field => T("Binding.NotNumber"));
        p.SetMissingBindRequiredValueAccessor(field => T("Validation.Required"));
        p.SetValueMustNotBeNullAccessor(value => T("Validation.Required"));
        p.SetMissingKeyOrValueAccessor(() => T("Validation.Required"));
        p.SetUnknownValueIsInvalidAccessor(field => T("Binding.Invalid", ""));
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => T("Binding.Invalid", value));
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => T("Binding.Invalid", ""));
        p.SetNonPropertyValueMustBeANumberAccessor(() => T("Binding.NotNumber"));
        p.SetMissingRequestBodyRequiredValueAccessor(() => T("Validation.Required"));
    }
}
