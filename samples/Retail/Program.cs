// The seed's retail Data Vault, end to end: `dotnet run --project samples/Retail -- <command> [options]`.
// Without a command it runs the demo on SQLite (retail.db in the current folder). See README.md.

using System.Text;
using Retail;

Console.OutputEncoding = Encoding.UTF8;
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await RetailApp.RunAsync(args, cancellationToken: cancel.Token);
