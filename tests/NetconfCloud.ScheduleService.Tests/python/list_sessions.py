"""Calls ScheduleService.ListSessions with grpcio (a client we did not write) and prints the status code and
message on two lines: what a Python caller of the service sees. Exits 0 whenever a status arrived."""
import sys

import grpc


def main(target: str, conference_id: str) -> int:
    encoded = conference_id.encode("utf-8")
    # ListSessionsRequest { string conference_id = 1; } by hand: no generated stubs needed.
    request = b"\x0a" + bytes([len(encoded)]) + encoded
    with grpc.insecure_channel(target) as channel:
        list_sessions = channel.unary_unary("/netconf.schedule.v1.ScheduleService/ListSessions")
        try:
            list_sessions(request, timeout=60)
            print("OK")
            print("")
        except grpc.RpcError as error:
            print(error.code().name)
            print((error.details() or "").replace("\n", " "))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
