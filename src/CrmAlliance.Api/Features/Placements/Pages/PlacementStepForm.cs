using CrmAlliance.Api.Core;
using CrmAlliance.Api.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CrmAlliance.Api.Features.Placements.Pages;

/// <summary>
/// What the placement checklist's step forms share: the placement and actor they act for, the error summary's entries,
/// and running one step through its core handler (refusals become field errors in the user's language; success reloads
/// the checklist, post-then-get, with the step named so the page can confirm it).
/// </summary>
public abstract class PlacementStepForm : ComponentBase
{
    [Parameter, EditorRequired] public PlacementView Placement { get; set; } = default!;

    [Parameter, EditorRequired] public Actor Actor { get; set; } = default!;

    [CascadingParameter] protected HttpContext Http { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    [Inject] protected IStringLocalizer<Text> T { get; set; } = default!;

    [Inject] protected TimeProvider Clock { get; set; } = default!;

    protected Dictionary<string, string> Errors { get; } = [];

    protected DateOnly Today => DanishCalendar.Today(Clock);

    /// <summary>The checklist without its query, so a refused step does not repeat the confirmation of the one before.</summary>
    protected string ActionUrl => $"/forloeb/{Placement.Id}";

    protected string? Invalid(string id) => Errors.ContainsKey(id) ? "true" : null;

    protected string? Describe(string id, bool hint = false) => FormField.DescribedBy(id, Errors, hint);

    /// <summary>Reads a typed Danish date into <paramref name="date"/>, or records the field's error.</summary>
    protected bool ReadDate(string? text, string id, out DateOnly date)
    {
        if (DanishInput.TryDate(text, out date))
        {
            return true;
        }

        Errors[id] = T["Placement.DateInvalid"];
        return false;
    }

    /// <summary>
    /// Runs the step; a validation refusal goes to the form fields named in <paramref name="fieldIds"/> (the core's field
    /// → the form's id, else <paramref name="mainField"/>), any other refusal to <paramref name="mainField"/>.
    /// </summary>
    protected async Task RunAsync(string step, Func<CancellationToken, Task> run, string mainField, IReadOnlyDictionary<string, string>? fieldIds = null)
    {
        if (Errors.Count > 0)
        {
            return;
        }

        try
        {
            await run(Http.RequestAborted);
        }
        catch (ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                var id = fieldIds?.GetValueOrDefault(error.Field) ?? mainField;
                Errors.TryAdd(id, RefusalDisplay.FieldMessage(error, T[$"Placement.FieldLabel.{id}"]));
            }

            return;
        }
        catch (CrmException refused)
        {
            Errors[mainField] = RefusalDisplay.Sentence(refused);
            return;
        }

        Navigation.NavigateTo($"/forloeb/{Placement.Id}?trin={step}#trin-{step}");
    }
}
