using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Excellence.Web.Data;

/// <summary>Used only by `dotnet ef migrations add` (tools/add-migration.sh), never at run time.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDb>
{
    public SqliteAppDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDb>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDb>
{
    public PostgresAppDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
