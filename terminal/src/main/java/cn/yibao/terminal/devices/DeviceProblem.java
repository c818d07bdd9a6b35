package cn.yibao.terminal.devices;

import cn.yibao.card.Refusal;

/** What can go wrong with a counter device; shown to the cashier, never blocking a sale. */
public enum DeviceProblem implements Refusal.Named {
    PRINTER_OFFLINE("打印机未连接或未开机，可稍后补打小票", "receipt printer not answering; the receipt can be reprinted"),
    PRINTER_PAPER_OUT("打印机缺纸，请装纸后补打小票", "receipt printer out of paper; the receipt can be reprinted"),
    PRINTER_ERROR("打印机故障，可稍后补打小票", "receipt printer reported an error; the receipt can be reprinted"),
    DISPLAY_UNAVAILABLE("客显屏未连接", "customer display not reachable");

    private final Text text;

    DeviceProblem(String messageZh, String message) {
        this.text = new Text(messageZh, message);
    }

    @Override
    public Text text() {
        return text;
    }
}
