using Microsoft.AspNetCore.Components.Forms;

namespace Ventanilla.Subscribers.Pages;

/// <summary>
/// Messages per form field. Rule checks name list items (<c>phones[1]</c>) and nested parts
/// (<c>addresses[0].street</c>); a form shows them under the one input they came from.
/// </summary>
public sealed class FormProblems
{
    private readonly Dictionary<string, List<string>> messages = new(StringComparer.Ordinal);

    public bool Any => messages.Count > 0;

    public void Add(string field, string message)
    {
        var key = field.Split('[', '.')[0];
        if (!messages.TryGetValue(key, out var list))
        {
            messages[key] = list = [];
        }

        list.Add(message);
    }

    public void AddAll(IEnumerable<KeyValuePair<string, string[]>> errors)
    {
        foreach (var (field, list) in errors)
        {
            foreach (var message in list)
            {
                Add(field, message);
            }
        }
    }

    public IReadOnlyList<string> For(string field) => messages.TryGetValue(field, out var list) ? list : [];

    public bool Has(string field) => messages.ContainsKey(field);

    /// <summary>The id of the field's message, for <c>aria-describedby</c>, or null when it has none.</summary>
    public string? DescribedBy(string field) => Has(field) ? field + "-problema" : null;

    /// <summary>
    /// Marks the inputs in the form's own validation state, so that they render with
    /// <c>aria-invalid</c> and the invalid style; a key is its property's name in camel case.
    /// </summary>
    public void ShowIn(EditContext form)
    {
        var store = new ValidationMessageStore(form);
        foreach (var (field, list) in messages.Where(m => m.Key.Length > 0))
        {
            store.Add(form.Field(char.ToUpperInvariant(field[0]) + field[1..]), list);
        }

        form.NotifyValidationStateChanged();
    }
}
