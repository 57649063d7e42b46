using Microsoft.Playwright;

namespace Amanat.Browser.Tests.Pages;

/// <summary>Page object of the incident form, list and detail, in Russian, found by labels and roles.</summary>
public sealed class IncidentPages(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public Task OpenNewAsync() => Page.GotoAsync("/staff/incidents/new");

    public Task FillAsync(string label, string value) => Page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    public Task ChooseAsync(string label, string option) => Page.GetByLabel(label, new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = option });

    public Task TickAsync(string label) => Page.GetByLabel(label, new() { Exact = true }).CheckAsync();

    public Task PressAsync(string button) => Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    public async Task RecordServiceAsync(string service, string? nights = null)
    {
        await ChooseAsync("Услуга", service);
        if (nights is not null)
        {
            await FillAsync("Ночей (убежище)", nights);
        }

        await PressAsync("Записать услугу");
    }
}
