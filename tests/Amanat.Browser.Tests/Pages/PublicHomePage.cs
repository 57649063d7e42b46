using Microsoft.Playwright;

namespace Amanat.Browser.Tests.Pages;

/// <summary>Page object of the public start page, found by roles and names as a person would.</summary>
public sealed class PublicHomePage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator QuickExit => Page.Locator("header").GetByRole(AriaRole.Link).Last;

    public async Task<PublicHomePage> OpenAsync(string? lang = null)
    {
        await Page.GotoAsync(lang is null ? "/" : $"/?lang={lang}");
        return this;
    }

    public Task SwitchLanguageAsync(string nativeName) =>
        Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = nativeName, Exact = true }).ClickAsync();
}
