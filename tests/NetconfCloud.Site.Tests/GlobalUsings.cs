global using NetconfCloud.Feeds;
global using NetconfCloud.Feeds.Tests;
