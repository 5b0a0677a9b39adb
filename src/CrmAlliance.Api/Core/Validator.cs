namespace CrmAlliance.Api.Core;

/// <summary>Collects field errors and throws them together, so a client sees every problem at once.</summary>
public sealed class Validator
{
    private readonly List<FieldError> _errors = [];

    public bool IsValid => _errors.Count == 0;

    /// <summary>The problems found so far, for callers that report rather than throw (the CSV import).</summary>
    public IReadOnlyList<FieldError> Errors => _errors;

    public Validator Check(bool condition, string field, string message)
    {
        if (!condition)
        {
            _errors.Add(new FieldError(field, message));
        }

        return this;
    }

    public Validator Required(string? value, string field, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _errors.Add(new FieldError(field, "is required."));
        }
        else if (value.Length > maxLength)
        {
            _errors.Add(new FieldError(field, $"must be at most {maxLength} characters."));
        }

        return this;
    }

    public Validator MaxLength(string? value, string field, int maxLength)
        => Check(value is null || value.Length <= maxLength, field, $"must be at most {maxLength} characters.");

    public Validator Range(decimal value, string field, decimal min, decimal max)
        => Check(value >= min && value <= max, field, $"must be between {min} and {max}.");

    public Validator Add(string field, string message) => Check(false, field, message);

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new ValidationException(_errors.ToList());
        }
    }
}
