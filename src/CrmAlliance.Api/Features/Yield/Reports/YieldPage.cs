using CrmAlliance.Api.Core;

namespace CrmAlliance.Api.Features.Yield.Reports;

/// <summary>A page of a report list, stating the period and definition it was computed with.</summary>
public sealed record YieldPage<T>(Page<T> Page, string Period, string DefinitionVersion);
