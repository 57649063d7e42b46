using Amanat.Core.Security;

namespace Amanat.Core.Tests.Security;

/// <summary>Destroying a file overwrites it in pieces (a snapshot may be larger than one array) and deletes it.</summary>
public sealed class OwnerOnlyFileTests
{
    [Fact]
    public void ALargeFile_IsOverwrittenAndDeleted()
    {
        var path = Path.Combine(Path.GetTempPath(), "amanat-destroy-" + Guid.NewGuid().ToString("N"));
        using (var file = File.Create(path))
        {
            file.SetLength((3L << 20) + 12345);
        }

        OwnerOnlyFile.Destroy(path);
        Assert.False(File.Exists(path));
        OwnerOnlyFile.Destroy(path); // already gone: nothing to do
    }
}
