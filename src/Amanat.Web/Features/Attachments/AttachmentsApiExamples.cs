using System.Text.Json.Nodes;
using System.Text.Json;
using Amanat.Web.Api;
using Amanat.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Amanat.Web.Features.Attachments;

/// <summary>
/// Examples for the OpenAPI description of <c>/api/v1/incidents/{id}/attachments</c>: an invented photo of an
/// injury and a medical certificate as the API describes them, and refusals worded as the server words them.
/// </summary>
internal static class AttachmentsApiExamples
{
    private static readonly AttachmentView Photo = new(
        Guid.Parse("019ad0c5-0a1b-7c3d-8e4f-5a6b7c8d9e0f"), "image/jpeg", 2_481_337,
        "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b", "IMG_0042.jpg",
        "Синяк на левой руке, второй день", new DateTime(2026, 10, 15, 9, 30, 0, DateTimeKind.Utc), true, 1600, 1200);

    private static readonly AttachmentView Certificate = new(
        Guid.Parse("019ad0c5-0a1c-7d4e-9f50-6b7c8d9e0f1a"), "application/pdf", 184_220,
        "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9", "spravka.pdf",
        "Справка травмпункта", new DateTime(2026, 10, 16, 11, 5, 0, DateTimeKind.Utc), false, null, null);

    public static Task AddAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var services = context.ApplicationServices;
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var path = context.Description.RelativePath?.TrimEnd('/') ?? string.Empty;
        switch (context.Description.HttpMethod)
        {
            case "POST":
                ApiExamples.Set(ApiExamples.Response(operation, "201"), JsonSerializer.SerializeToNode(Photo, json));
                ApiExamples.Set(ApiExamples.Response(operation, "400"), Problem(services, json, StatusCodes.Status400BadRequest, "Attachment.Error.Missing"));
                ApiExamples.Set(ApiExamples.Response(operation, "403"), Problem(services, json, StatusCodes.Status403Forbidden, "Attachment.Error.TokenOnly"));
                ApiExamples.Set(ApiExamples.Response(operation, "413"), Problem(services, json, StatusCodes.Status413PayloadTooLarge, "Attachment.Error.TooManyPixels"));
                ApiExamples.Set(ApiExamples.Response(operation, "415"), Problem(services, json, StatusCodes.Status415UnsupportedMediaType, "Attachment.Error.Type"));
                break;
            case "GET" when path.EndsWith("/attachments", StringComparison.Ordinal):
                ApiExamples.Set(ApiExamples.Response(operation, "200"), JsonSerializer.SerializeToNode(new[] { Photo, Certificate }, json));
                break;
            case "GET" when path.EndsWith("{attachmentId}", StringComparison.Ordinal):
                ApiExamples.Set(ApiExamples.Response(operation, "200"), JsonSerializer.SerializeToNode(Photo, json));
                break;
        }

        return Task.CompletedTask;
    }

    /// <summary>A refusal as the API sends it: the status's sentence as the title, the reason under <c>errors.file</c>.</summary>
    private static JsonNode? Problem(IServiceProvider services, JsonSerializerOptions json, int status, string reasonKey) =>
        ApiExamples.InEnglish(services, localizer => JsonSerializer.SerializeToNode(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Type = "https://tools.ietf.org/html/rfc9110",
            Title = ErrorHandling.StatusMessage(localizer, status),
            Status = status,
            Extensions = { ["errors"] = new Dictionary<string, string[]> { ["file"] = [localizer[reasonKey].Value] } },
        }, json));
}
