namespace CrmAlliance.IntegrationTests.TestInfrastructure;

/// <summary>Unique, valid identifiers so that tests never collide on unique keys.</summary>
public static class TestData
{
    private static readonly int[] CvrWeights = [2, 7, 6, 5, 4, 3, 2, 1];
    private static int _sequence = Random.Shared.Next(1_000_000, 8_000_000);

    /// <summary>A fresh CVR number that passes the modulus-11 check.</summary>
    public static string NewCvr()
    {
        while (true)
        {
            var stem = Interlocked.Increment(ref _sequence).ToString("D7");
            var sum = 0;
            for (var i = 0; i < 7; i++)
            {
                sum += (stem[i] - '0') * CvrWeights[i];
            }

            var check = (11 - (sum % 11)) % 11;
            if (check < 10 && stem[0] != '0')
            {
                return stem + check;
            }
        }
    }

    /// <summary>Today as the Api counts it: the Danish calendar date.</summary>
    public static DateOnly Today => Api.Core.DanishCalendar.Today(TimeProvider.System);

    public static string NewPNumber() => "10" + Interlocked.Increment(ref _sequence).ToString("D8");

    /// <summary>A unique case reference of letters only: random digits can form a CPR-shaped run, which the core refuses.</summary>
    public static string NewCaseReference() => "SAG-" + UniqueLetters(10);

    /// <summary>
    /// A random token of capital letters for names, markers and texts that must be unique: a random hex token can hold
    /// ten digits in a row shaped like a CPR number, which every stored text refuses (a test failed on that once).
    /// </summary>
    public static string UniqueLetters(int length) => string.Concat(Guid.NewGuid().ToString("N")[..length].Select(c => (char)('A' + Convert.ToInt32(c.ToString(), 16))));
}
