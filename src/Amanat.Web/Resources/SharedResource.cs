namespace Amanat.Web.Resources;

/// <summary>
/// Marker for the shared interface strings in <c>SharedResource.resx</c> (English) and its Russian,
/// Kazakh and Uzbek translations. Every key must exist, non-empty, in every language (a test checks).
/// </summary>
internal sealed class SharedResource;
