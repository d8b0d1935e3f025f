global using NetconfCloud.Schedule;
