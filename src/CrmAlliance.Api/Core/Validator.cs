namespace CrmAlliance.Api.Core;

/// <summary>Collects field errors and throws them together, so a client sees every problem at once.</summary>
public sealed class Validator
{
    private readonly List<FieldError> _errors = [];

    public bool IsValid => _errors.Count == 0;

    /// <summary>The problems found so far, for callers that report rather than throw (the CSV import).</summary>
    public IReadOnlyList<FieldError> Errors => _errors;

    public Validator Check(bool condition, string field, RefusalText text)
    {
        if (!condition)
        {
            _errors.Add(new FieldError(field, text));
        }

        return this;
    }

    public Validator Required(string? value, string field, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _errors.Add(new FieldError(field, RefusalText.Of("Core.Required")));
        }
        else if (value.Length > maxLength)
        {
            _errors.Add(new FieldError(field, TooLong(maxLength)));
        }

        return this;
    }

    public Validator MaxLength(string? value, string field, int maxLength)
        => Check(value is null || value.Length <= maxLength, field, TooLong(maxLength));

    /// <summary>
    /// Text a person typed that will be stored (a name, a summary, a reason, a note): required, at most
    /// <paramref name="maxLength"/> characters and without anything shaped like a CPR number.
    /// </summary>
    public Validator Text(string? value, string field, int maxLength = 200)
        => Required(value, field, maxLength).NoCprNumber(value, field);

    /// <summary>As <see cref="Text"/>, for text that may be left out.</summary>
    public Validator OptionalText(string? value, string field, int maxLength)
        => MaxLength(value, field, maxLength).NoCprNumber(value, field);

    /// <summary>The refusal does not repeat the text: a CPR number must not reach logs, pages or screenshots.</summary>
    public Validator NoCprNumber(string? value, string field)
        => Check(!CprNumbers.AppearIn(value), field, RefusalText.Of("Core.CprLike"));

    public Validator Range(decimal value, string field, decimal min, decimal max)
        => Check(value >= min && value <= max, field, Between(min, max));

    public Validator Add(string field, RefusalText text) => Check(false, field, text);

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new ValidationException(_errors.ToList());
        }
    }

    public static RefusalText Between(decimal min, decimal max) => RefusalText.Of("Core.Between", ("min", min), ("max", max));

    private static RefusalText TooLong(int maxLength) => RefusalText.Of("Core.TooLong", ("max", maxLength));
}
