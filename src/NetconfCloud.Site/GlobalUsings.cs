global using NetconfCloud.Feeds;
global using NetconfCloud.Schedule;
