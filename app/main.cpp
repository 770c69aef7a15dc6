// The `hotel` binary. Placeholder until the service wiring lands.
int main() { return 0; }
