global using NanoBanana.Sdk.Tests.Support;
global using Xunit;
