using Npgsql;

namespace Excellence.Tests.Support;

/// <summary>
/// Which database the suite runs on: EXCELLENCE_TEST_DB=sqlite (default) or postgres, with
/// EXCELLENCE_TEST_PG the connection string of a server the test command started.
/// Every factory gets a database of its own.
/// </summary>
public static class TestDatabase
{
    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("EXCELLENCE_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string Provider => IsPostgres ? "Postgres" : "Sqlite";

    private static string ServerConnection =>
        Environment.GetEnvironmentVariable("EXCELLENCE_TEST_PG")
        ?? throw new InvalidOperationException("EXCELLENCE_TEST_DB=postgres needs EXCELLENCE_TEST_PG (run ./test.sh, which starts a server).");

    /// <summary>A fresh, empty PostgreSQL database; returns its connection string.</summary>
    public static string CreatePostgresDatabase()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..20];
        using (var conn = new NpgsqlConnection(ServerConnection))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            cmd.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(ServerConnection) { Database = name, Pooling = true, MaxPoolSize = 20 }.ConnectionString;
    }

    public static void DropPostgresDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var conn = new NpgsqlConnection(ServerConnection);
        conn.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        cmd.ExecuteNonQuery();
    }
}
