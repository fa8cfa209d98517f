[assembly: AssemblyFixture(typeof(NoApiKeys))]
