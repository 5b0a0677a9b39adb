using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestFramework("CrmAlliance.IntegrationTests.TestInfrastructure.CrmTestFramework", "CrmAlliance.IntegrationTests")]

namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>
/// Marks a class that runs an existing test class's tests again on PostgreSQL (it derives from it and takes a
/// <see cref="PostgresApiFactory"/>). Where no server is configured its tests are reported as skipped, with the reason
/// in their names; CI configures one, and there a skip fails the run.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OnPostgresAttribute : Attribute;

/// <summary>xunit's own framework, except that it skips the tests of <see cref="OnPostgresAttribute"/> classes without a server.</summary>
public sealed class CrmTestFramework(IMessageSink diagnosticMessageSink) : XunitTestFramework(diagnosticMessageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo)
        => new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (PostgresServer.MissingReason is { } reason
                && testMethod.TestClass.Class.GetCustomAttributes(typeof(OnPostgresAttribute)).Any()
                && testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            {
                var skipped = new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
                return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
            }

            return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
        }
    }
}

/// <summary>A skipped test whose name carries the reason (<c>dotnet test</c> lists skipped tests by name only).</summary>
public sealed class SkippedTestCase : XunitSkippedDataRowTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase()
    {
    }

    public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, string reason)
        : base(sink, display, options, method, reason)
    {
    }

    protected override void Initialize()
    {
        base.Initialize();
        DisplayName = $"{DisplayName} (skipped: {SkipReason})";
    }
}
