global using NanoBanana.Cli.Tests.Support;
global using Xunit;
