from nlmg_packs.cli import main

main()
