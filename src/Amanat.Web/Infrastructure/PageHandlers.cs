using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Amanat.Web.Infrastructure;

/// <summary>
/// Two conventions of every page that keep hostile requests from failing with a 500:
/// a request that selects none of a page's handlers is answered 404 (an unknown <c>?handler=</c>) or 405 (a
/// method the page has no handler for) instead of rendering the page without anything loaded; and a yes/no
/// field posted with something other than true or false keeps its error but is re-shown unticked.
/// </summary>
internal static class PageHandlers
{
    /// <summary>The error page renders for whatever method failed; every other page needs one of its handlers.</summary>
    public static void Configure(RazorPagesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Conventions.AddFolderApplicationModelConvention("/", model =>
        {
            if (!PageRoutes.IsUnder(PageRoutes.Template(model), "error"))
            {
                model.Filters.Add(new RequireHandlerFilter());
            }
        });
    }

    public static IServiceCollection AddCheckboxBinding(this IServiceCollection services) =>
        services.AddOptions<MvcOptions>().Configure(mvc => mvc.ModelBinderProviders.Insert(0, new BooleanBinderProvider())).Services;

    private sealed class RequireHandlerFilter : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (context.HandlerMethod is not null)
            {
                return;
            }

            var method = context.HttpContext.Request.Method;
            var forMethod = context.ActionDescriptor.HandlerMethods.Any(h =>
                string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)
                || (HttpMethods.IsHead(method) && string.Equals(h.HttpMethod, HttpMethods.Get, StringComparison.OrdinalIgnoreCase)));
            context.Result = forMethod ? new NotFoundResult() : new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }

    private sealed class BooleanBinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            var type = context.Metadata.ModelType;
            return (Nullable.GetUnderlyingType(type) ?? type) == typeof(bool)
                ? new BooleanBinder(new SimpleTypeModelBinder(type, context.Services.GetRequiredService<ILoggerFactory>()))
                : null;
        }
    }

    /// <summary>
    /// Binds as the framework does; when the value is not a boolean, the error stays but the kept value is
    /// dropped, because the checkbox tag helper converts the kept value to a boolean while rendering and throws.
    /// </summary>
    private sealed class BooleanBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            ArgumentNullException.ThrowIfNull(bindingContext);
            await inner.BindModelAsync(bindingContext);
            if (!bindingContext.Result.IsModelSet
                && bindingContext.ModelState.TryGetValue(bindingContext.ModelName, out var entry) && entry.Errors.Count > 0)
            {
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: null, attemptedValue: null);
            }
        }
    }
}
