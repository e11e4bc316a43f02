using DataVault.Core.Hashing;

Console.WriteLine(DataVaultHasher.Default.HashKeyHex("CUST0001"));
