using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Surgewatch.Core.Access;

namespace Surgewatch.Server.Auth;

/// <summary>Marks an endpoint as needing a key of at least <paramref name="Role"/> (read by the OpenAPI transformers).</summary>
internal sealed record RequiresApiKey(ApiKeyRole Role);

/// <summary>Describes the bearer-key scheme in the OpenAPI document and attaches it to the operations that need a key.</summary>
internal static class ApiKeyOpenApi
{
    private const string SchemeName = "apiKey";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key: 'Authorization: Bearer KEY'. Roles: ingest < operator < admin.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var required = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiresApiKey>().FirstOrDefault();
            if (required is not null)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
                operation.Description = $"Needs an API key with role {required.Role.ToString().ToLowerInvariant()} or higher.";
            }

            return Task.CompletedTask;
        });
    }
}
